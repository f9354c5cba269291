parameters:
  lr: {type: float, default: 0.01}
  epochs: {type: float, default: 5}
command: "python src/[=package_name]/train.py trainer.lr={lr} trainer.epochs={epochs}"
