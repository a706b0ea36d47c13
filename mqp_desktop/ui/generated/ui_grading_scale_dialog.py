# Automatically generated - do not edit.
# Source: forms/grading_scale_dialog.ui (sha256 166aee02a1e496ae2ac916dbc2bffe434ada0e6a05d6515570036e489b5574db)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'grading_scale_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_GradingScaleDialog(object):
    def setupUi(self, GradingScaleDialog):
        if not GradingScaleDialog.objectName():
            GradingScaleDialog.setObjectName(u"GradingScaleDialog")
        GradingScaleDialog.resize(480, 320)
        GradingScaleDialog.setMinimumSize(QSize(420, 0))
        self.mainLayout = QVBoxLayout(GradingScaleDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(GradingScaleDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.scaleRow = QHBoxLayout()
        self.scaleRow.setObjectName(u"scaleRow")
        self.gradesList = QListWidget(GradingScaleDialog)
        self.gradesList.setObjectName(u"gradesList")
        self.gradesList.setAlternatingRowColors(True)

        self.scaleRow.addWidget(self.gradesList)

        self.buttonsColumn = QVBoxLayout()
        self.buttonsColumn.setObjectName(u"buttonsColumn")
        self.addButton = QPushButton(GradingScaleDialog)
        self.addButton.setObjectName(u"addButton")

        self.buttonsColumn.addWidget(self.addButton)

        self.renameButton = QPushButton(GradingScaleDialog)
        self.renameButton.setObjectName(u"renameButton")

        self.buttonsColumn.addWidget(self.renameButton)

        self.removeButton = QPushButton(GradingScaleDialog)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonsColumn.addWidget(self.removeButton)

        self.upButton = QPushButton(GradingScaleDialog)
        self.upButton.setObjectName(u"upButton")

        self.buttonsColumn.addWidget(self.upButton)

        self.downButton = QPushButton(GradingScaleDialog)
        self.downButton.setObjectName(u"downButton")

        self.buttonsColumn.addWidget(self.downButton)

        self.buttonsSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.buttonsColumn.addItem(self.buttonsSpacer)


        self.scaleRow.addLayout(self.buttonsColumn)


        self.mainLayout.addLayout(self.scaleRow)

        self.nameForm = QFormLayout()
        self.nameForm.setObjectName(u"nameForm")
        self.nameForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(GradingScaleDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.nameForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(GradingScaleDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(40)

        self.nameForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)


        self.mainLayout.addLayout(self.nameForm)

        self.errorLabel = QLabel(GradingScaleDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(GradingScaleDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.gradesList, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.addButton)
        QWidget.setTabOrder(self.addButton, self.renameButton)
        QWidget.setTabOrder(self.renameButton, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.upButton)
        QWidget.setTabOrder(self.upButton, self.downButton)

        self.retranslateUi(GradingScaleDialog)
        self.buttonBox.accepted.connect(GradingScaleDialog.accept)
        self.buttonBox.rejected.connect(GradingScaleDialog.reject)

        QMetaObject.connectSlotsByName(GradingScaleDialog)
    # setupUi

    def retranslateUi(self, GradingScaleDialog):
        GradingScaleDialog.setWindowTitle(QCoreApplication.translate("GradingScaleDialog", u"Grading scale", None))
        self.introLabel.setText("")
        self.addButton.setText(QCoreApplication.translate("GradingScaleDialog", u"&Add", None))
        self.renameButton.setText(QCoreApplication.translate("GradingScaleDialog", u"&Rename", None))
        self.removeButton.setText(QCoreApplication.translate("GradingScaleDialog", u"Re&move", None))
        self.upButton.setText(QCoreApplication.translate("GradingScaleDialog", u"Move &up", None))
        self.downButton.setText(QCoreApplication.translate("GradingScaleDialog", u"Move &down", None))
        self.nameLabel.setText(QCoreApplication.translate("GradingScaleDialog", u"&Name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("GradingScaleDialog", u"a grade's name, e.g. Requires improvement", None))
#if QT_CONFIG(tooltip)
        self.nameEdit.setToolTip(QCoreApplication.translate("GradingScaleDialog", u"Type a name, then Add (a new grade) or Rename (the selected one)", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

